"""report-pipeline: meeting summary reports in, normalised analysis-ready tables out."""

__version__ = "0.1.0"
