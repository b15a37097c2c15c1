"""Executes a notebook through the real Jupyter machinery (nbclient, jupyter_client, the kernel) and
prints whether its outputs equal the ones stored by `khuyenhoc notebook run`."""
import copy
import json
import sys

import nbclient
import nbformat


def normalised(outputs):
    out = []
    for o in outputs:
        o = copy.deepcopy(dict(o))
        for key in ("text", "traceback"):
            if isinstance(o.get(key), list) and key == "text":
                o[key] = "".join(o[key])
        if "data" in o:
            o["data"] = {k: "".join(v) if isinstance(v, list) else v for k, v in o["data"].items()}
        out.append(o)
    return out


path = sys.argv[1]
notebook = nbformat.read(path, as_version=4)
stored = [(c.get("execution_count"), normalised(c.get("outputs", []))) for c in notebook.cells if c.cell_type == "code"]
nbclient.NotebookClient(notebook, kernel_name="khuyenhoc", timeout=120, allow_errors=True).execute()
fresh = [(c.get("execution_count"), normalised(c.get("outputs", []))) for c in notebook.cells if c.cell_type == "code"]
for i, (a, b) in enumerate(zip(stored, fresh)):
    if a != b:
        print(f"cell {i + 1} differs:\nstored: {json.dumps(a, ensure_ascii=False)[:600]}\nkernel: {json.dumps(b, ensure_ascii=False)[:600]}")
        sys.exit(1)
print(f"same outputs for {len(fresh)} code cells")
