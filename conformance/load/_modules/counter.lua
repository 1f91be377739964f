count = (count or 0) + 1
return {count = count}
