return {path = select(2, ...)}
