import { createHash } from 'node:crypto';
import type { SandboxState, SandboxUser } from './sandbox-state.js';

/**
 * The invented municipality the sandbox starts with. It matches
 * config/organisation.local.json: one municipal lead, a consultant, three
 * schools with leaders, staff, board and student-council members.
 */
const people: Omit<SandboxUser, 'id' | 'mail'>[] = [
  {
    displayName: 'Mette Lund',
    userPrincipalName: 'mette.lund@sohavn.example',
    jobTitle: 'Børn og Unge-chef',
    department: 'Søhavn Kommune',
  },
  {
    displayName: 'Jonas Kjær',
    userPrincipalName: 'jonas.kjaer@sohavn.example',
    jobTitle: 'Pædagogisk konsulent',
    department: 'Søhavn Kommune',
  },
  { displayName: 'Lærke Dahl', userPrincipalName: 'laerke.dahl@sohavn.example', jobTitle: 'Fagcenterleder', department: 'Søhavn Kommune' },
  { displayName: 'Anders Holm', userPrincipalName: 'anders.holm@sohavn.example', jobTitle: 'Skoleleder', department: 'Bakkeskolen' },
  { displayName: 'Nanna Friis', userPrincipalName: 'nanna.friis@sohavn.example', jobTitle: 'Viceskoleleder', department: 'Bakkeskolen' },
  { displayName: 'Peter Lind', userPrincipalName: 'peter.lind@sohavn.example', jobTitle: 'Lærer, TRIO', department: 'Bakkeskolen' },
  {
    displayName: 'Camilla Bro',
    userPrincipalName: 'camilla.bro@sohavn.example',
    jobTitle: 'Formand for skolebestyrelsen',
    department: 'Bakkeskolen',
  },
  { displayName: 'Emil Vang', userPrincipalName: 'emil.vang@sohavn.example', jobTitle: 'Elevrådsformand', department: 'Bakkeskolen' },
  { displayName: 'Sofie Berg', userPrincipalName: 'sofie.berg@sohavn.example', jobTitle: 'Skoleleder', department: 'Fjordskolen' },
  { displayName: 'Rasmus Krog', userPrincipalName: 'rasmus.krog@sohavn.example', jobTitle: 'Afdelingsleder', department: 'Fjordskolen' },
  { displayName: 'Ida Mørk', userPrincipalName: 'ida.mork@sohavn.example', jobTitle: 'Skolebestyrelsesmedlem', department: 'Fjordskolen' },
  {
    displayName: 'Karim Nielsen',
    userPrincipalName: 'karim.nielsen@sohavn.example',
    jobTitle: 'Skoleleder',
    department: 'Skovbrynets Skole',
  },
  {
    displayName: 'Hanne Skov',
    userPrincipalName: 'hanne.skov@sohavn.example',
    jobTitle: 'Pædagogisk leder',
    department: 'Skovbrynets Skole',
  },
  {
    displayName: 'Oliver Strand',
    userPrincipalName: 'oliver.strand@sohavn.example',
    jobTitle: 'MED-repræsentant',
    department: 'Skovbrynets Skole',
  },
];

export function seedDemoTenant(state: SandboxState): void {
  for (const person of people) {
    if (state.findUser(person.userPrincipalName)) continue;
    const user = { ...person, id: stableUserId(person.userPrincipalName), mail: person.userPrincipalName };
    state.users.push(user);
    state.changed('users', user);
  }
}

/**
 * The same person gets the same object id on every machine (a name-based
 * UUID, version 5 layout), so scripts such as the Agents Playground run can
 * name a demo user by id.
 */
export function stableUserId(upn: string): string {
  const hex = createHash('sha1').update(`sandbox-user:${upn.toLowerCase()}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
