import FuzzSupport

FuzzDriver.run(fuzzQuery)
