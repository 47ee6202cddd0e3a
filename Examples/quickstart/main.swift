import LetterVault
print("stub")
