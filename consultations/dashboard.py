"""Charts for the ambition dashboards, from consultation data (see outcomes/dashboard.py)."""
