// Words the therapist's side of the practice shows, in one place so they can be translated later.
export const practiceMessages = {
  therapistsNotices: {
    invited: "The invitation is on its way.",
    "demo-removed": "The demo data has been removed.",
  },
  therapistStates: {
    owner: "owns the practice",
    invited: "invited, not yet joined",
    noSecondStep: "second step not set up yet",
    active: "active",
  },
};
