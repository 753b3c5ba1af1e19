from certready.cli import app

app(prog_name="certready")
