import FuzzSupport

FuzzDriver.run(fuzzNotebookJSON)
