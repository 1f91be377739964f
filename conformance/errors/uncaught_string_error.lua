print("output before error")
error("plain failure")
