package com.example.library;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import dev.portcullis.admin.AdminPermissions;
import dev.portcullis.admin.ModelAdmin;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

/** Row scoping: only superusers see waived fines. */
@Component
class FineAdmin extends ModelAdmin<Fine> {

    FineAdmin() {
        super(Fine.class);
    }

    @Override
    public List<String> listDisplay() {
        return List.of("member", "amount", "status", "issuedAt");
    }

    @Override
    public List<String> listFilter() {
        return List.of("status", "issuedAt", "member");
    }

    @Override
    public List<String> searchFields() {
        return List.of("member.name");
    }

    @Override
    public Predicate scope(Root<Fine> root, CriteriaBuilder cb, Authentication user) {
        boolean superuser = user != null && user.getAuthorities().stream()
                .anyMatch(a -> AdminPermissions.SUPERUSER.equals(a.getAuthority()));
        return superuser ? null : cb.notEqual(root.get("status"), FineStatus.WAIVED);
    }
}
