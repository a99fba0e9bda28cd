package com.example.library;

import dev.portcullis.admin.AdminEntity;

import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

@Entity
@DiscriminatorValue("MAGAZINE")
@AdminEntity(listDisplay = {"title", "issue", "category"})
public class Magazine extends Item {

    private Integer issue;

    public Integer getIssue() {
        return issue;
    }

    public void setIssue(Integer issue) {
        this.issue = issue;
    }
}
