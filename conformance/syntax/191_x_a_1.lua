x = a[
1
