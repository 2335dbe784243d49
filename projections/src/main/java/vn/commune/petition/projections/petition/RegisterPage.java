package vn.commune.petition.projections.petition;

import java.util.List;

/**
 * One page of the register (pages count from 0), how many petitions match, counted up to a bound
 * ({@code matchingCapped}: at least that many), and whether a next page has any.
 */
public record RegisterPage(List<PetitionView> items, int page, int size, long matching, boolean matchingCapped,
                           boolean hasNext) {
}
