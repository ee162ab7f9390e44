import { render } from 'preact';
import { WelcomeApp } from '../../components/welcome/WelcomeApp';
import { setDocumentLanguage } from '../../components/shared/page-setup';
import { t } from '../../components/shared/i18n';
import '../../components/ui/ui.css';

setDocumentLanguage();
document.title = t('welcomeDocTitle');
render(<WelcomeApp />, document.getElementById('app')!);
