package vn.tincoso.organisations;

/** Fired when units at commune level or above were added, renamed, moved or merged: indexes of names rebuild. */
public record TreeChanged() {
}
