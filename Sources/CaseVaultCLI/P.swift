enum PlaceholderCaseVaultCLI {}
