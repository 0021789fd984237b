import { Suspense, lazy, useCallback, useEffect, useMemo, useState } from 'react';
import {
  Button,
  FluentProvider,
  Link,
  Select,
  Spinner,
  Text,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
} from '@fluentui/react-components';
import { createApiClient, ApiError } from './api-client.js';
import { hasUnsavedChanges } from './unsaved.js';
import type { Me } from '../api/catalog.js';
import { I18nProvider, localeFrom, makeTranslate, type Locale } from './i18n.js';
import type { Host, HostTheme } from './teams-host.js';
import { SignInPicker } from './components/SignInPicker.js';
import { ConversationList } from './components/ConversationList.js';
import { ConversationPage } from './components/ConversationPage.js';
// Pages most visits never open are loaded when first opened (the first screen stays small in a meeting's side panel).
const PlanPage = lazy(() => import('./components/PlanPage.js').then((m) => ({ default: m.PlanPage })));
const EditPlanPage = lazy(() => import('./components/PlanPage.js').then((m) => ({ default: m.EditPlanPage })));
const MinutesPage = lazy(() => import('./minutes/MinutesPage.js').then((m) => ({ default: m.MinutesPage })));
const LiveAgendaPanel = lazy(() => import('./meeting/LiveAgendaPanel.js').then((m) => ({ default: m.LiveAgendaPanel })));
const StageView = lazy(() => import('./meeting/StageView.js').then((m) => ({ default: m.StageView })));
const SeasonPage = lazy(() => import('./year/SeasonPage.js').then((m) => ({ default: m.SeasonPage })));
const YearPage = lazy(() => import('./year/YearPage.js').then((m) => ({ default: m.YearPage })));
const ConfigurePage = lazy(() => import('./meeting/ConfigurePage.js').then((m) => ({ default: m.ConfigurePage })));
import { ErrorMessage } from './components/ErrorMessage.js';
import { meSchema } from '../api/catalog.js';
import { meetingConversationSchema } from '../api/conversation.js';
import { authConfigSchema, type AuthConfig } from '../api/auth-config.js';
import { entraSignIn, type TokenSource } from './auth/entra-sign-in.js';
import { SignInError, classifySignInError } from './auth/sign-in-errors.js';
import { SignInProblemPanel } from './auth/SignInProblemPanel.js';

const themes = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };
const tokenKey = 'udviklingssamtale.token';
const localeKey = 'udviklingssamtale.locale';

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  bar: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    justifyContent: 'space-between',
    flexWrap: 'wrap',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  barEnd: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap', minWidth: 0 },
  // 'anywhere': one very long word (a pasted link, 3,000 letters) wraps instead of widening the page.
  content: { maxWidth: '1200px', margin: '0 auto', padding: tokens.spacingHorizontalXL, overflowWrap: 'anywhere' },
  skip: { position: 'absolute', left: '-10000px', ':focus': { left: tokens.spacingHorizontalM, top: tokens.spacingVerticalM, zIndex: 10 } },
});

const routeOf = () => window.location.hash.replace(/^#/, '') || '/';

export function App({ host }: { host: Host }) {
  const styles = useStyles();
  // A language the person chose stays chosen after a reload; otherwise Teams' (or the browser's) language.
  const [locale, setLocaleState] = useState<Locale>(() => {
    const chosen = localStorage.getItem(localeKey);
    return chosen === 'da' || chosen === 'en' ? chosen : localeFrom(host.locale);
  });
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(localeKey, next);
    setLocaleState(next);
  }, []);
  const [theme, setTheme] = useState<HostTheme>(host.theme);
  // In Teams the host says who is signed in (several panels of one browser share its session storage); locally the picker's choice.
  const [token, setToken] = useState<string | null>(() => (host.inTeams ? null : sessionStorage.getItem(tokenKey)));
  const [me, setMe] = useState<Me | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [route, setRoute] = useState(routeOf());
  const t = makeTranslate(locale);

  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    let current = window.location.hash;
    const onHash = () => {
      // Leaving a form with unsaved changes asks first; staying puts the address back.
      if (hasUnsavedChanges() && !window.confirm(makeTranslate(localeFrom(document.documentElement.lang))('unsaved.leave'))) {
        history.pushState(null, '', current || '#/');
        return;
      }
      current = window.location.hash;
      setRoute(routeOf());
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // Move focus to the new page's heading, so screen readers announce the page change.
  useEffect(() => {
    requestAnimationFrame(() => document.getElementById('page-title')?.focus());
  }, [route, me]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  // How to sign in: the dev picker locally; Entra ID (nested app authentication, Teams SSO or MSAL redirect) in Microsoft 365 mode.
  const [auth, setAuth] = useState<AuthConfig | null>(null);
  const [tokens, setTokens] = useState<TokenSource | null>(null);
  const [signInProblem, setSignInProblem] = useState<SignInError | null>(null);
  useEffect(() => {
    fetch('/api/auth-config')
      .then((r) => r.json())
      .then((json) => {
        const parsed = authConfigSchema['~standard'].validate(json);
        if (parsed instanceof Promise || parsed.issues) throw new Error('auth-config');
        setAuth(parsed.value);
        if (parsed.value.mode === 'm365') return entraSignIn(parsed.value, host).then(setTokens);
        // Locally inside the sandbox's Teams meeting: its host gives the person's token, as Teams SSO does.
        if (host.inTeams) return host.teamsSsoToken().then(setToken);
      })
      .catch((e) => (e instanceof SignInError ? setSignInProblem(e) : setError(e)));
  }, [host]);

  const getToken = useCallback(async () => (auth?.mode === 'm365' ? (tokens ? tokens.getToken() : null) : token), [auth, tokens, token]);
  const api = useMemo(() => createApiClient(getToken, () => locale), [getToken, locale]);
  const signedIn = auth?.mode === 'm365' ? tokens !== null : token !== null;

  useEffect(() => {
    if (!signedIn) return;
    setMe(null);
    // An answer for a sign-in that has since changed ("Skift bruger") is dropped.
    let live = true;
    api
      .get('/me', meSchema)
      .then((found) => live && setMe(found))
      .catch((e) => {
        if (!live) return;
        if (e instanceof SignInError) setSignInProblem(e);
        else if (e instanceof ApiError && e.status === 401 && auth?.mode === 'local') {
          sessionStorage.removeItem(tokenKey);
          setToken(null);
        } else setError(e);
      });
    return () => {
      live = false;
    };
  }, [api, signedIn, auth]);

  const signInAgain = async () => {
    try {
      await tokens?.getToken(true);
      setSignInProblem(null);
      setTokens(tokens ? { ...tokens } : null);
    } catch (e) {
      setSignInProblem(e instanceof SignInError ? e : classifySignInError(e));
    }
  };

  // Opened from a meeting (side panel) or from the bot's deep link: go straight to that conversation.
  useEffect(() => {
    if (!me) return;
    if (host.subPageId && /^[0-9a-f-]{36}$/.test(host.subPageId)) {
      window.location.hash = `/conversations/${host.subPageId}`;
    } else if (host.meetingChatId && routeOf() === '/' && host.frameContext !== 'settings') {
      // The meeting's side panel shows the live agenda, its stage the stage view, a meeting tab the conversation.
      const page = host.frameContext === 'sidePanel' ? 'meeting' : host.frameContext === 'meetingStage' ? 'stage' : 'conversations';
      api
        .get(`/conversations/by-meeting?chatId=${encodeURIComponent(host.meetingChatId)}`, meetingConversationSchema)
        .then(({ id }) => (window.location.hash = `/${page}/${id}`))
        .catch(() => undefined);
    }
  }, [api, host, me]);

  const signOut = () => {
    sessionStorage.removeItem(tokenKey);
    setToken(null);
    setMe(null);
    window.location.hash = '/';
  };
  const navigate = useCallback((path: string) => {
    window.location.hash = path;
  }, []);
  const conversationId = /^\/conversations\/([0-9a-f-]+)$/.exec(route)?.[1];
  const minutesId = /^\/conversations\/([0-9a-f-]+)\/minutes$/.exec(route)?.[1];
  const editId = /^\/conversations\/([0-9a-f-]+)\/edit$/.exec(route)?.[1];
  const meetingId = /^\/meeting\/([0-9a-f-]+)$/.exec(route)?.[1];
  const stageId = /^\/stage\/([0-9a-f-]+)$/.exec(route)?.[1];

  // The meeting stage is a wall display: the stage view alone, no bar.
  if (stageId && me)
    return (
      <FluentProvider theme={themes[theme]} className={styles.root}>
        <I18nProvider locale={locale} setLocale={setLocale}>
          <Suspense fallback={<Spinner label={t('loading')} />}>
            <StageView key={stageId} api={api} id={stageId} />
          </Suspense>
        </I18nProvider>
      </FluentProvider>
    );

  return (
    <FluentProvider theme={themes[theme]} className={styles.root}>
      <I18nProvider locale={locale} setLocale={setLocale}>
        <a href="#page-title" className={styles.skip}>
          {t('appName')}
        </a>
        <div className={styles.bar} role="banner">
          <Text weight="semibold" size={400}>
            {t('appName')}
          </Text>
          <div className={styles.barEnd}>
            {/* Inside Teams the host shows who is signed in, and nobody switches user. */}
            {me && !host.inTeams ? <Text>{t('signIn.signedInAs', { name: me.displayName })}</Text> : null}
            {me?.mode === 'local' && !host.inTeams ? (
              <>
                <Link href="/sandbox" target="_blank">
                  {t('signIn.sandbox')}
                </Link>
                <Button size="small" onClick={signOut}>
                  {t('signIn.switchUser')}
                </Button>
              </>
            ) : null}
            <Select size="small" aria-label={t('language')} value={locale} onChange={(_, d) => setLocale(d.value as Locale)}>
              <option value="da">Dansk</option>
              <option value="en">English</option>
            </Select>
          </div>
        </div>
        <div className={styles.content}>
          {error ? <ErrorMessage error={error} /> : null}
          <Suspense fallback={<Spinner label={t('loading')} />}>
            {signInProblem && auth?.mode === 'm365' ? (
              <SignInProblemPanel problem={signInProblem} adminConsentUrl={auth.adminConsentUrl} onRetry={() => void signInAgain()} />
            ) : !auth ? (
              error ? null : (
                <Spinner label={t('loading')} />
              )
            ) : auth.mode === 'local' && !token ? (
              <SignInPicker
                onSignedIn={(newToken) => {
                  sessionStorage.setItem(tokenKey, newToken);
                  setToken(newToken);
                }}
              />
            ) : !me ? (
              error ? null : (
                <Spinner label={t('loading')} />
              )
            ) : host.configuration ? (
              <ConfigurePage api={api} configuration={host.configuration} meetingChatId={host.meetingChatId} />
            ) : meetingId ? (
              <LiveAgendaPanel key={meetingId} api={api} id={meetingId} shareToStage={host.shareToStage} />
            ) : route === '/season' && me.isMunicipalLead ? (
              <SeasonPage api={api} navigate={navigate} />
            ) : route === '/year' && me.isMunicipalLead ? (
              <YearPage api={api} navigate={navigate} />
            ) : /^\/plan(\?|$)/.test(route) && me.isMunicipalLead ? (
              <PlanPage api={api} navigate={navigate} schoolId={new URLSearchParams(route.split('?')[1] ?? '').get('school')} />
            ) : editId ? (
              <EditPlanPage key={editId} api={api} id={editId} navigate={navigate} />
            ) : minutesId ? (
              <MinutesPage key={minutesId} api={api} id={minutesId} navigate={navigate} />
            ) : conversationId ? (
              <ConversationPage key={conversationId} api={api} id={conversationId} me={me} navigate={navigate} />
            ) : (
              <ConversationList api={api} me={me} navigate={navigate} />
            )}
          </Suspense>
        </div>
      </I18nProvider>
    </FluentProvider>
  );
}
