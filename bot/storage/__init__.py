"""Storage: SQLAlchemy models, the database factory, and Alembic migrations."""
