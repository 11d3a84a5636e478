/** Appointments: finding free slots, booking into them (never twice), cancelling and rescheduling, as FHIR operations on Appointment that read and write through the FHIR API as the caller. */
package org.joinedup.scheduling;
