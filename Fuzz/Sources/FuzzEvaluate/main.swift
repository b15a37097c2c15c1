import FuzzSupport

FuzzDriver.run(fuzzEvaluate)
