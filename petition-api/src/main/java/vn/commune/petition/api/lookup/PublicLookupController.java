package vn.commune.petition.api.lookup;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.commune.petition.api.problem.NotFoundException;

/**
 * The public lookup, no sign-in: {@code POST /api/public/lookup} with {@code {reference, code}}
 * answers 200 with the petition's {@link PublicStatus}, or 404, the same for an unknown reference
 * and a wrong code; 429 with Retry-After after repeated failures (docs/PUBLIC.md).
 */
@RestController
class PublicLookupController {

    static final String NOT_FOUND = "No petition has this reference and lookup code";

    private final PublicLookup lookup;

    PublicLookupController(PublicLookup lookup) {
        this.lookup = lookup;
    }

    @PostMapping("/api/public/lookup")
    ResponseEntity<PublicStatus> lookup(@RequestBody @Valid LookupRequest body, HttpServletRequest request) {
        PublicStatus status = lookup.find(body.reference(), body.code(), request.getRemoteAddr())
                .orElseThrow(() -> new NotFoundException(NOT_FOUND));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(status);
    }
}
