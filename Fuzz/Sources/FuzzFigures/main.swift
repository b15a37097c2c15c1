import FuzzSupport

FuzzDriver.run(fuzzFigures)
