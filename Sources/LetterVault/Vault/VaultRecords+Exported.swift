// LetterVault's API: a program that imports LetterVault sees them without a second import
// (docs/ARCHITECTURE.md "The layers").
@_exported import VaultRecords
