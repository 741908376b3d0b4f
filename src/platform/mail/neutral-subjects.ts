// Someone else may read the inbox: subjects and previews name the practice and nothing else.
export const neutralSubjects = {
  message: (practice: string) => `A message from ${practice}`,
  appointment: (practice: string) => `Appointment with ${practice}`,
};
