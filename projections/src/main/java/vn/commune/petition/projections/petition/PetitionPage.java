package vn.commune.petition.projections.petition;

import java.util.List;

/** One page of petitions and how many match in all. */
public record PetitionPage(List<PetitionView> items, int page, int size, long total) {
}
