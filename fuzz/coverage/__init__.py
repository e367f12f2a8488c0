"""Coverage-guided fuzzing with atheris: run ``python -m fuzz.coverage --help``."""
