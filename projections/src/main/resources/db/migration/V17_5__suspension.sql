-- A complaint's resolution suspended (Luật 136/2025/QH15): the day of the suspension in force, null
-- when none is. The counts leave a suspended petition out of the overdue: its clock is stopped.
ALTER TABLE count_petition ADD COLUMN suspended_on DATE;
