function a x
