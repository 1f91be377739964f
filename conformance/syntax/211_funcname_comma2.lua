function a, b) end
