print("zhanggui")
