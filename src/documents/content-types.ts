/** The Word document type, for the agenda, the minutes and the public note. */
export const docxContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
