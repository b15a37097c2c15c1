import FuzzSupport

FuzzDriver.run(fuzzRegions)
