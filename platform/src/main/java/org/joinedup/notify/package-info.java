/** Messages to patients: one outbox for texts and emails (GOV.UK Notify, or kept locally), with secure links, retries and receipts. */
package org.joinedup.notify;
