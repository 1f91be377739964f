a, nil
