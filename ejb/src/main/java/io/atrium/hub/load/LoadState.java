package io.atrium.hub.load;

/** Where a first load is: running in one of its phases, or ended. */
public enum LoadState { RUNNING, DONE, FAILED }
