"""Qt item models over plain records (architecture.md: `QAbstractTableModel`, column constants, custom
roles, one `set_rows()` entry point; tested without widgets)."""
