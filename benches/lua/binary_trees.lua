-- 5.1-clean
-- The binary-trees allocation benchmark: many short-lived small tables, so the garbage
-- collector does most of the work. One checksum line instead of the usual report.
local function bottom_up_tree(depth)
  if depth > 0 then
    depth = depth - 1
    local left, right = bottom_up_tree(depth), bottom_up_tree(depth)
    return { left, right }
  else
    return {}
  end
end

local function item_check(tree)
  if tree[1] then
    return 1 + item_check(tree[1]) + item_check(tree[2])
  else
    return 1
  end
end

local function pow2(k)
  local p = 1
  for _ = 1, k do p = p * 2 end
  return p
end

local mindepth, maxdepth = 4, 14
local check = item_check(bottom_up_tree(maxdepth + 1))   -- stretch tree
local long_lived = bottom_up_tree(maxdepth)
for depth = mindepth, maxdepth, 2 do
  local iterations = pow2(maxdepth - depth + mindepth)
  local c = 0
  for _ = 1, iterations do
    c = c + item_check(bottom_up_tree(depth))
  end
  check = check + c
end
check = check + item_check(long_lived)
print("binary_trees " .. maxdepth .. " " .. check)
