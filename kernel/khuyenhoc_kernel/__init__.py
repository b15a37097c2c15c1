"""A Jupyter kernel for khuyenhoc's query language.

All evaluation happens in Swift: this package starts `khuyenhoc kernel` and forwards each cell to it
as one line of JSON ({"code": ...}); the reply line holds the cell's nbformat outputs, which are
relayed to Jupyter unchanged. Set KHUYENHOC to the executable if it is not on PATH, and
KHUYENHOC_DATA to a dataset folder to use one of your own.
"""
