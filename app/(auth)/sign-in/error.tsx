"use client";

// Outside the app shell, like the root: the same full-page error state.
export { default } from "../../error";
