"""De Wegwijzer van de Kop: build code for the signposting site."""

__version__ = "0.1.0"
