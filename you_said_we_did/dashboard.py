"""Charts for the ambition dashboards, from updates (see outcomes/dashboard.py)."""
