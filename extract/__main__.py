from extract.cli import app

app()
