"""
The systems eventmodel is measured against, each modelling the benchmark's
content with the validation it allows. Each module gives a ``build``
function (the batch's plain values to the system's typed objects), and
``encode`` and ``decode`` functions (typed objects to JSON bytes and back).
"""
