"""Installs the kernel spec: python -m khuyenhoc_kernel.install [--user | --prefix DIR]."""
import argparse
import json
import os
import sys
import tempfile

from jupyter_client.kernelspec import KernelSpecManager

SPEC = {
    "argv": [sys.executable, "-m", "khuyenhoc_kernel", "-f", "{connection_file}"],
    "display_name": "khuyenhoc",
    "language": "khuyenhoc",
}


def main(argv=None):
    parser = argparse.ArgumentParser(description="Install the khuyenhoc Jupyter kernel spec.")
    parser.add_argument("--user", action="store_true", help="install for this user")
    parser.add_argument("--prefix", help="install under this prefix (e.g. a virtual environment)")
    arguments = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "kernel.json"), "w", encoding="utf-8") as f:
            json.dump(SPEC, f, indent=1)
        path = KernelSpecManager().install_kernel_spec(folder, "khuyenhoc", user=arguments.user, prefix=arguments.prefix)
    print(f"installed the khuyenhoc kernel spec in {path}")


if __name__ == "__main__":
    main()
