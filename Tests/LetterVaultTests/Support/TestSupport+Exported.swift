// The shared test support (Tests/TestSupport), seen by every file of this target.
@_exported import TestSupport
