from ipykernel.kernelapp import IPKernelApp

from .kernel import KhuyenhocKernel

IPKernelApp.launch_instance(kernel_class=KhuyenhocKernel)
