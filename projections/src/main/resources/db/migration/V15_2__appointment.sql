-- The day the officer gave the citizen to come back (phiếu hẹn), as the receipt prints it; null when none.
ALTER TABLE petition_view ADD COLUMN appointment_on DATE;
