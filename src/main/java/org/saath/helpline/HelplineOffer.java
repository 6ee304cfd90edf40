package org.saath.helpline;

/**
 * A helpline as offered in one reply, with whether it is open at the time of the reply ({@code null}: hours not
 * known).
 */
public record HelplineOffer(Helpline helpline, Boolean openNow) {
}
