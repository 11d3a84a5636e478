package org.joinedup.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Patient matching for feeds: a patient without a verified NHS number or a known local number is compared with
 * the record's patients who agree with it on two of birth date, family name and postcode, and scored (see the README).
 *
 * @param autoLinkScore at or above this score the message is linked to the record's patient without asking
 * @param reviewScore at or above this (and below auto-link) a new record is made and the pair put in the review queue;
 *                    below it, a new record is made
 */
@ConfigurationProperties("joinedup.matching")
public record MatchingProperties(@DefaultValue("15") double autoLinkScore, @DefaultValue("9") double reviewScore) {
}
