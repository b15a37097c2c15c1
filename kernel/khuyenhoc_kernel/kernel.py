"""The wrapper kernel: cells go to `khuyenhoc kernel`, outputs come back as nbformat outputs."""
import json
import os
import shutil
import subprocess

from ipykernel.kernelbase import Kernel


def _joined(value):
    """nbformat stores multi-line text as a list of lines; Jupyter messages carry strings."""
    return "".join(value) if isinstance(value, list) else value


class KhuyenhocKernel(Kernel):
    implementation = "khuyenhoc"
    implementation_version = "0.1.0"
    language = "khuyenhoc"
    language_version = "1"
    language_info = {"name": "khuyenhoc", "mimetype": "text/x-khuyenhoc", "file_extension": ".khq"}
    banner = "khuyenhoc: queries over Vietnam's learning-society statistics"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        executable = os.environ.get("KHUYENHOC") or shutil.which("khuyenhoc")
        if not executable:
            raise RuntimeError("khuyenhoc is not on PATH; set KHUYENHOC to the executable")
        arguments = [executable, "kernel"]
        if os.environ.get("KHUYENHOC_DATA"):
            arguments += ["--data", os.environ["KHUYENHOC_DATA"]]
        self._backend = subprocess.Popen(arguments, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         text=True, encoding="utf-8", bufsize=1)

    def _ask(self, code):
        self._backend.stdin.write(json.dumps({"code": code}, ensure_ascii=False) + "\n")
        self._backend.stdin.flush()
        line = self._backend.stdout.readline()
        if not line:
            raise RuntimeError("the khuyenhoc back end stopped")
        return json.loads(line)

    def do_execute(self, code, silent, store_history=True, user_expressions=None, allow_stdin=False):
        reply = self._ask(code)
        if "error" in reply:
            reply = {"outputs": [{"output_type": "error", "ename": "kernel", "evalue": reply["error"], "traceback": [reply["error"]]}]}
        error = None
        for output in reply["outputs"]:
            kind = output["output_type"]
            if kind == "error":
                error = output
            if silent:
                continue
            if kind == "stream":
                self.send_response(self.iopub_socket, "stream", {"name": output["name"], "text": _joined(output["text"])})
            elif kind in ("display_data", "execute_result"):
                content = {"data": {k: _joined(v) for k, v in output["data"].items()}, "metadata": output.get("metadata", {})}
                if kind == "execute_result":
                    content["execution_count"] = self.execution_count
                self.send_response(self.iopub_socket, kind, content)
            elif kind == "error":
                self.send_response(self.iopub_socket, "error", {k: output[k] for k in ("ename", "evalue", "traceback")})
        if error is not None:
            return {"status": "error", "execution_count": self.execution_count,
                    "ename": error["ename"], "evalue": error["evalue"], "traceback": error["traceback"]}
        return {"status": "ok", "execution_count": self.execution_count, "payload": [], "user_expressions": {}}

    def do_shutdown(self, restart):
        if self._backend.poll() is None:
            self._backend.stdin.close()
            self._backend.wait(timeout=5)
        return {"status": "ok", "restart": restart}
